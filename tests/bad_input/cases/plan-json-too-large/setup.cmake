# A 17 MiB plan, made here rather than committed.
string(REPEAT " " 1048576 mib)
string(REPEAT "${mib}" 17 padding)
file(WRITE previous.json "{\"meetings\": []${padding}}")
