set -x; echo hi; x=1
