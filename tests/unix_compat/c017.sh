echo a > /tmp/zz1; echo b >> /tmp/zz1; cat /tmp/zz1; rm /tmp/zz1
