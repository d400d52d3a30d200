sleep 1 & wait $!; echo waited $?
