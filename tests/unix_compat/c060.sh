if [ 1 = 2 ]; then echo a; elif [ 2 = 2 ]; then echo b; else echo c; fi
