echo "$(printf 'x\n\n\n')"end
