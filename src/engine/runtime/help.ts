/**
 * `docker`, `docker --help` and `docker help`: the top-level usage of the docker CLI 20.10.24
 * the conformance oracle records with (conformance/cases/docker-help; its config directory is
 * random there, so login.test-style checks compare it with the client's own). The command
 * lists are the CLI's, including the commands layerlab does not simulate: running one of those
 * says so instead of pretending it does not exist.
 */

/** Management commands (`docker NAME SUBCOMMAND`) and their summaries, as the CLI lists them. */
export const MANAGEMENT_COMMANDS: readonly (readonly [string, string])[] = [
  ['builder', 'Manage builds'],
  ['completion', 'Generate the autocompletion script for the specified shell'],
  ['config', 'Manage Docker configs'],
  ['container', 'Manage containers'],
  ['context', 'Manage contexts'],
  ['image', 'Manage images'],
  ['manifest', 'Manage Docker image manifests and manifest lists'],
  ['network', 'Manage networks'],
  ['node', 'Manage Swarm nodes'],
  ['plugin', 'Manage plugins'],
  ['secret', 'Manage Docker secrets'],
  ['service', 'Manage services'],
  ['stack', 'Manage Docker stacks'],
  ['swarm', 'Manage Swarm'],
  ['system', 'Manage Docker'],
  ['trust', 'Manage trust on Docker images'],
  ['volume', 'Manage volumes'],
];

/** Commands and their summaries, as the CLI lists them. */
export const COMMAND_SUMMARIES: readonly (readonly [string, string])[] = [
  ['attach', 'Attach local standard input, output, and error streams to a running container'],
  ['build', 'Build an image from a Dockerfile'],
  ['commit', "Create a new image from a container's changes"],
  ['cp', 'Copy files/folders between a container and the local filesystem'],
  ['create', 'Create a new container'],
  ['diff', "Inspect changes to files or directories on a container's filesystem"],
  ['events', 'Get real time events from the server'],
  ['exec', 'Run a command in a running container'],
  ['export', "Export a container's filesystem as a tar archive"],
  ['history', 'Show the history of an image'],
  ['images', 'List images'],
  ['import', 'Import the contents from a tarball to create a filesystem image'],
  ['info', 'Display system-wide information'],
  ['inspect', 'Return low-level information on Docker objects'],
  ['kill', 'Kill one or more running containers'],
  ['load', 'Load an image from a tar archive or STDIN'],
  ['login', 'Log in to a Docker registry'],
  ['logout', 'Log out from a Docker registry'],
  ['logs', 'Fetch the logs of a container'],
  ['pause', 'Pause all processes within one or more containers'],
  ['port', 'List port mappings or a specific mapping for the container'],
  ['ps', 'List containers'],
  ['pull', 'Pull an image or a repository from a registry'],
  ['push', 'Push an image or a repository to a registry'],
  ['rename', 'Rename a container'],
  ['restart', 'Restart one or more containers'],
  ['rm', 'Remove one or more containers'],
  ['rmi', 'Remove one or more images'],
  ['run', 'Run a command in a new container'],
  ['save', 'Save one or more images to a tar archive (streamed to STDOUT by default)'],
  ['search', 'Search the Docker Hub for images'],
  ['start', 'Start one or more stopped containers'],
  ['stats', 'Display a live stream of container(s) resource usage statistics'],
  ['stop', 'Stop one or more running containers'],
  ['tag', 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE'],
  ['top', 'Display the running processes of a container'],
  ['unpause', 'Unpause all processes within one or more containers'],
  ['update', 'Update configuration of one or more containers'],
  ['version', 'Show the Docker version information'],
  ['wait', 'Block until one or more containers stop, then print their exit codes'],
];

const row = ([name, summary]: readonly [string, string]) => `  ${name.padEnd(11)} ${summary}`;

/** The CLI's top-level help; `configDir`: where the client keeps config.json. */
export function dockerHelp(configDir: string): string {
  return [
    '',
    'Usage:  docker [OPTIONS] COMMAND',
    '',
    'A self-sufficient runtime for containers',
    '',
    'Options:',
    '      --config string      Location of client config files (default',
    `                           "${configDir}")`,
    '  -c, --context string     Name of the context to use to connect to the',
    '                           daemon (overrides DOCKER_HOST env var and',
    '                           default context set with "docker context use")',
    '  -D, --debug              Enable debug mode',
    '  -H, --host list          Daemon socket(s) to connect to',
    '  -l, --log-level string   Set the logging level',
    '                           ("debug"|"info"|"warn"|"error"|"fatal")',
    '                           (default "info")',
    '      --tls                Use TLS; implied by --tlsverify',
    '      --tlscacert string   Trust certs signed only by this CA (default',
    `                           "${configDir}/ca.pem")`,
    '      --tlscert string     Path to TLS certificate file (default',
    `                           "${configDir}/cert.pem")`,
    '      --tlskey string      Path to TLS key file (default',
    `                           "${configDir}/key.pem")`,
    '      --tlsverify          Use TLS and verify the remote',
    '  -v, --version            Print version information and quit',
    '',
    'Management Commands:',
    ...MANAGEMENT_COMMANDS.map(row),
    '',
    'Commands:',
    ...COMMAND_SUMMARIES.map(row),
    '',
    "Run 'docker COMMAND --help' for more information on a command.",
    '',
    'To get more help with docker, check out our guides at https://docs.docker.com/go/guides/',
    '',
  ].join('\n');
}

/** A command or management command of the real CLI. */
export function isDockerCommand(name: string): boolean {
  return COMMAND_SUMMARIES.some(([n]) => n === name) || MANAGEMENT_COMMANDS.some(([n]) => n === name);
}
