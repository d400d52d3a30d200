exec 3>&1; echo to3 >&3
