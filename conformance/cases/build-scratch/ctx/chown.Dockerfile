FROM busybox
COPY --chown=nobody:nogroup a.txt /o
RUN ls -ln /o
USER nobody
WORKDIR /home/nb
RUN id -u; pwd
