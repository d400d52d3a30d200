case "hello" in h*o) echo glob;; *) echo no;; esac
