cat < /nonexistent; echo rc=$?
