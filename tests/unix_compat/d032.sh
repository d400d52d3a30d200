unset -f nothing; unset nothing; echo ok
