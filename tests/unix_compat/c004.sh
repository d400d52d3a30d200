x=hello.tar.gz; echo ${x%.*} ${x%%.*} ${x#*.} ${x##*.} ${#x}
