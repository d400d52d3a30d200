if true; then; fi
