/**
 * gem in the ruby image: gems land in GEM_HOME (/usr/local/bundle) in RubyGems' layout with
 * their real (Debian bookworm) files and sizes, dependencies first; the downloaded .gem stays
 * in cache/; native extensions are built into extensions/ and lib/; executables get RubyGems'
 * wrapper; ~/.gemrc's --no-rdoc --no-ri silences documentation; uninstall refuses to break
 * dependents, as RubyGems 2.2 does without a tty.
 */
import { describe, expect, it } from 'vitest';
import { ImageCatalog } from '../../../images/catalog.ts';
import { loadCatalogImage } from '../../../images/layers.ts';
import { nodeDataSource } from '../../../images/source.node.ts';
import { ContainerLayer } from '../../../layer/container.ts';
import { layerSize } from '../../../layer/size.ts';
import { runCommand } from '../testing.ts';
import { gemCommand } from './gem.ts';
import { binWrapper } from './layout.ts';

const catalog = await ImageCatalog.open(nodeDataSource());
const ruby = await loadCatalogImage(catalog, 'ruby:2.1.5');
const data = await catalog.gem();
const gem = gemCommand(data);
const env = Object.fromEntries(ruby.config.Config.Env!.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
const HOME = '/usr/local/bundle';
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function container() {
  const fs = ContainerLayer.over(ruby.layers);
  return { fs, run: (...argv: string[]) => runCommand(gem, fs, ['gem', ...argv], { env }) };
}

describe('gem install', () => {
  it('installs sinatra after its dependencies, with RubyGems’ messages and no documentation (the image’s .gemrc)', () => {
    const { fs, run } = container();
    const r = run('install', 'sinatra');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.at(-1)).toBe('6 gems installed');
    expect(lines.at(-2)).toBe('Successfully installed sinatra-3.0.5');
    const installed = lines.slice(0, -1).map((l) => l.replace('Successfully installed ', ''));
    expect(installed.indexOf('ruby2_keywords-0.0.5')).toBeLessThan(installed.indexOf('mustermann-3.0.0'));
    expect(installed.indexOf('rack-2.2.22')).toBeLessThan(installed.indexOf('rack-protection-3.0.5'));
    expect(r.stdout).not.toContain('documentation');
    expect(fs.stat(`${HOME}/gems/sinatra-3.0.5/lib/sinatra/base.rb`).size).toBe(data.gems.sinatra!.files.find(([p]) => p === 'lib/sinatra/base.rb')![3]);
    expect(fs.stat(`${HOME}/specifications/sinatra-3.0.5.gemspec`).size).toBe(data.gems.sinatra!.specBytes);
  });

  it('keeps each downloaded .gem in cache/: the bytes a `rm -rf $GEM_HOME/cache` in the same RUN would save', () => {
    const { fs, run } = container();
    run('install', 'rake');
    expect(fs.stat(`${HOME}/cache/rake-13.0.6.gem`).size).toBe(data.gems.rake!.gemBytes);
    const before = layerSize(fs.changeset());
    fs.removeTree(`${HOME}/cache/rake-13.0.6.gem`);
    expect(before - layerSize(fs.changeset())).toBe(data.gems.rake!.gemBytes);
  });

  it('builds a native extension into extensions/ and the gem’s lib/', () => {
    const { fs, run } = container();
    const r = run('install', 'bcrypt');
    expect(r.stdout).toBe('Building native extensions.  This could take a while...\nSuccessfully installed bcrypt-3.1.18\n1 gem installed\n');
    const [so, size] = data.gems.bcrypt!.built[0]!;
    expect(fs.stat(`${HOME}/extensions/x86_64-linux/2.1.0/bcrypt-3.1.18/${so}`).size).toBe(size);
    expect(fs.stat(`${HOME}/gems/bcrypt-3.1.18/lib/${so}`).size).toBe(size);
    expect(fs.exists(`${HOME}/extensions/x86_64-linux/2.1.0/bcrypt-3.1.18/gem.build_complete`)).toBe(true);
  });

  it('writes RubyGems’ wrapper for each executable into GEM_HOME/bin (on the image’s PATH)', () => {
    const { fs, run } = container();
    run('install', 'rake');
    const wrapper = text(fs.readFile(`${HOME}/bin/rake`));
    expect(wrapper).toBe(binWrapper(data.gems.rake!, 'rake'));
    expect(wrapper.split('\n')[0]).toBe('#!/usr/local/bin/ruby');
    expect(wrapper).toContain("load Gem.bin_path('rake', 'rake', version)");
    expect(fs.stat(`${HOME}/bin/rake`).mode & 0o777).toBe(0o755);
    expect(env.PATH!.split(':')[0]).toBe(`${HOME}/bin`);
  });

  it('announces ri documentation when no .gemrc turns it off, and not with -N or --no-document', () => {
    const { fs, run } = container();
    fs.unlink('/root/.gemrc');
    expect(run('install', 'tilt').stdout).toBe(
      'Successfully installed tilt-2.0.11\nParsing documentation for tilt-2.0.11\nInstalling ri documentation for tilt-2.0.11\nDone installing documentation for tilt after 0 seconds\n1 gem installed\n',
    );
    expect(run('install', '-N', 'tilt').stdout).toBe('Successfully installed tilt-2.0.11\n1 gem installed\n');
    expect(run('install', '--no-document', 'tilt').stdout).toBe('Successfully installed tilt-2.0.11\n1 gem installed\n');
  });

  it('fails for a gem or version it cannot find, with exit status 2', () => {
    const { run } = container();
    const r = run('install', 'no-such-gem');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("ERROR:  Could not find a valid gem 'no-such-gem' (>= 0) in any repository\n");
    expect(run('install', 'rake', '-v', '10.4.2').stderr).toBe("ERROR:  Could not find a valid gem 'rake' (= 10.4.2) in any repository\n");
  });
});

describe('gem uninstall and list', () => {
  it('refuses to remove a gem others depend on, unless -I; removes executables and every file it installed', () => {
    const { fs, run } = container();
    run('install', 'sinatra');
    const refused = run('uninstall', 'rack');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('ERROR:  While executing gem ... (Gem::DependencyRemovalException)\n    Uninstallation aborted due to dependent gem(s)\n');
    const r = run('uninstall', '-I', 'rack');
    expect(r.stdout).toBe('Removing rackup\nSuccessfully uninstalled rack-2.2.22\n');
    for (const p of [`${HOME}/gems/rack-2.2.22`, `${HOME}/specifications/rack-2.2.22.gemspec`, `${HOME}/cache/rack-2.2.22.gem`, `${HOME}/bin/rackup`]) expect(fs.exists(p)).toBe(false);
  });

  it('lists installed gems with their versions; a name not installed is skipped silently', () => {
    const { run } = container();
    run('install', 'redis');
    expect(run('list').stdout).toBe('bundler (2.3.15)\nredis (4.8.0)\n');
    expect(run('uninstall', 'nothing-here')).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('the ruby image', () => {
  it('follows docker-library/ruby’s 2.1 Dockerfile: .gemrc, GEM_HOME and bundler installed by gem', () => {
    expect(env.GEM_HOME).toBe(HOME);
    expect(env.BUNDLE_APP_CONFIG).toBe(HOME);
    const fs = ContainerLayer.over(ruby.layers);
    expect(text(fs.readFile('/root/.gemrc'))).toBe('gem: --no-rdoc --no-ri\n');
    expect(text(fs.readFile(`${HOME}/bin/bundle`))).toBe(binWrapper(data.gems.bundler!, 'bundle'));
    expect(fs.exists(`${HOME}/gems/bundler-2.3.15/lib/bundler.rb`)).toBe(true);
    expect(ruby.config.History.filter((h) => !h.empty_layer)).toHaveLength(ruby.layers.length);
  });
});
