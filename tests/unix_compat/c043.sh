echo 'it'"'"'s'
