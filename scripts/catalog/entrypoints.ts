/**
 * The entrypoint scripts of the application images, written for layerlab (not copies of the
 * official ones): each does what its image's entrypoint does with the arguments of
 * `docker run`, so `docker run -it redis bash` gets a shell and `docker run redis --port 7000`
 * starts redis-server. What the real scripts do besides (dropping root with gosu, first-start
 * database setup, configuration snippets) is said in a comment and not modelled.
 */
export const NODE_ENTRYPOINT = `#!/bin/sh
set -e
# layerlab's model of the node image's entrypoint: arguments that start with an option, or
# that name no command of the image, are given to node (docker run node:20 app.js).
if [ "\${1#-}" != "$1" ] || [ -z "$(command -v "$1")" ]; then
  set -- node "$@"
fi
exec "$@"
`;

export const REDIS_ENTRYPOINT = `#!/bin/sh
set -e
# layerlab's model of the redis image's entrypoint: options and .conf files are arguments of
# redis-server. (The real script also drops root privileges with gosu before starting it.)
case "$1" in
  -*|*.conf) set -- redis-server "$@" ;;
esac
exec "$@"
`;

export const NGINX_ENTRYPOINT = `#!/bin/sh
set -e
# layerlab's model of the nginx image's entrypoint: the real one first runs the scripts in
# /docker-entrypoint.d/ when the command is nginx; then, like this one, it runs the command.
exec "$@"
`;

export const MYSQL_ENTRYPOINT = `#!/bin/bash
set -e
# layerlab's model of the mysql image's entrypoint: options are arguments of mysqld. (The
# real script also initializes the database directory on the first start.)
case "$1" in
  -*) set -- mysqld "$@" ;;
esac
exec "$@"
`;

/** Bytes of a script as stored in the layer. */
export const scriptSize = (s: string): number => new TextEncoder().encode(s).length;
