for i in 1 2 3; do echo $i; done | while read n; do echo "n=$n"; done
