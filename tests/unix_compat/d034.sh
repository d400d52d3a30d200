echo -e 'a\tb' ; echo -n -e 'c\n'
