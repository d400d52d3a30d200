umask; umask 022
