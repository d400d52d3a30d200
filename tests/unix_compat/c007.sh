for f in a b c; do case $f in a) echo A;; b|c) echo BC;; esac; done
