echo hi > /; echo rc=$?
