/**
 * The built-in scenarios, from the tutorials layerlab grew from: each a Dockerfile, the step
 * and panel to open on, and terminal lines to type. Titles and descriptions are in the i18n
 * catalogs (`scenarios.<id>`). `link.test.ts` proves each one fits a link and opens from it;
 * `builtin.test.ts` that each one builds.
 */
import type { Scenario } from './scenario.ts';

export interface BuiltinScenario {
  id: string;
  scenario: Scenario;
}

const s = (dockerfile: string[], rest: Partial<Scenario> = {}): Scenario => ({ v: 1, dockerfile: `${dockerfile.join('\n')}\n`, cursor: 0, panel: 'buildSteps', ...rest });

export const BUILTIN_SCENARIOS: readonly BuiltinScenario[] = [
  {
    id: 'centos-redis',
    scenario: s([
      'FROM centos',
      'MAINTAINER 271967835@qq.com',
      'RUN yum -y update &&yum -y install epel-release&& yum -y install redis&&yum -y install net-tools',
      'EXPOSE 6379',
      "RUN sed -i -e 's@bind 127.0.0.1@bind 0.0.0.0@g' /etc/redis.conf",
      "RUN sed -i -e 's@protected-mode yes@protected-mode no@g' /etc/redis.conf",
      'ENTRYPOINT ["/usr/bin/redis-server","/etc/redis.conf"]',
      'CMD []',
    ], { cursor: 7 }),
  },
  {
    id: 'nginx-centos6',
    scenario: s(['FROM centos:6', 'RUN yum -y install epel-release && yum -y install nginx', 'EXPOSE 80', 'CMD ["nginx", "-g", "daemon off;"]'], { cursor: 3, panel: 'terminal', terminal: ['docker history centos:6'] }),
  },
  {
    id: 'centos5-entrypoint',
    scenario: s(['FROM centos:centos5', 'CMD ["-l"]', 'ENTRYPOINT ["ls"]'], { cursor: 2, panel: 'terminal', terminal: ['docker images'] }),
  },
  {
    id: 'abc-commit',
    scenario: s(['FROM centos:6'], { panel: 'terminal', terminal: ['docker run -it centos:6 /bin/bash', 'touch abc.txt', 'exit', 'docker ps -l'] }),
  },
  {
    id: 'tomcat-commit',
    scenario: s(['FROM tomcat'], { panel: 'terminal', terminal: ['docker run -it tomcat /bin/bash', 'cp -r webapps.dist/* webapps', 'cd webapps', 'rm -rf docs', 'exit', 'docker ps -l'] }),
  },
  {
    id: 'ubuntu-tags',
    scenario: s(['FROM ubuntu:18.04'], { panel: 'imageGraph', terminal: ['docker pull ubuntu:latest', 'docker pull ubuntu:18.04', 'docker images'] }),
  },
  {
    id: 'fedora-pulls',
    scenario: s(['FROM fedora:31'], { panel: 'imageGraph', terminal: ['docker pull fedora:30', 'docker pull fedora:31', 'docker images fedora'] }),
  },
  {
    id: 'three-layers',
    scenario: s([
      'FROM busybox',
      'RUN mkdir /files && echo 1 > /files/file1 && echo 2 > /files/file2 && echo 3 > /files/file3',
      'RUN echo 4 > /files/file4 && echo 5 > /files/file5 && echo 6 > /files/file6',
      'RUN echo "file 7" > /files/file5',
    ], { cursor: 3, panel: 'shadowDiff', selection: { kind: 'path', path: '/files/file5' } }),
  },
  {
    id: 'multi-stage',
    scenario: s(['FROM alpine AS build', 'RUN echo built > /app', 'FROM alpine AS assets', 'RUN mkdir /assets && echo css > /assets/site.css', 'FROM alpine', 'COPY --from=build /app /usr/local/bin/app', 'COPY --from=assets /assets /srv/assets', 'CMD ["/usr/local/bin/app"]'], { cursor: 5 }),
  },
  {
    id: 'build-cache',
    scenario: s(['FROM alpine', 'RUN apk add --no-cache curl', 'ENV APP_VERSION=1', 'RUN echo "version $APP_VERSION" > /version', 'CMD ["cat", "/version"]'], { cursor: 3 }),
  },
  {
    id: 'volume',
    scenario: s(['FROM busybox', 'RUN mkdir /data && echo before > /data/file', 'VOLUME /data', 'RUN echo after > /data/file'], { cursor: 3, panel: 'fileTree' }),
  },
  {
    id: 'layer-waste',
    scenario: s(['FROM busybox', 'RUN dd if=/dev/zero of=/big bs=1024 count=512 2>/dev/null', 'RUN echo x >> /big', 'RUN rm /big'], { cursor: 3, panel: 'fileTree' }),
  },
];
