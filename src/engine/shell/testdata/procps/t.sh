sleep 100 &
for c in "ps" "ps -ef" "ps aux" "ps -l" "ps -f" "ps -e" "ps ax" "ps -o pid,ppid,user,tty,stat,time,etime,args" "ps -A" "ps -x" "ps -elf" "ps -p 1"; do echo "\$ $c"; $c; done
echo '$ setpriv --reuid 65534 --regid 65534 --clear-groups ps -ef'; setpriv --reuid 65534 --regid 65534 --clear-groups ps -ef
echo '$ sh -c "ps -f; true"'; sh -c "ps -f; true"
echo '$ ps -ef | cat'; ps -ef | cat
echo '$ ps --version'; ps --version
echo '$ ps -Q'; ps -Q; echo "[exit $?]"
kill $!
