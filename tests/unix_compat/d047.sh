echo $$ | grep -c '^[0-9]'
