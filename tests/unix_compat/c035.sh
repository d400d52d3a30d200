case x in [abc]) echo in;; [!abc]) echo notin;; esac
