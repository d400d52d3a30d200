f() { if [ $1 -le 0 ]; then echo 0; return; fi; echo $1; f $(( $1 - 1 )); }; f 3
