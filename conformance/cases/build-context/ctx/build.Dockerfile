FROM busybox
WORKDIR /w
COPY src/ /app/
COPY src/lib/*.c rel/
COPY logs /logs/
COPY *.txt /etc/app/
COPY docs /etc/
COPY . all/
