# A 1.1 MiB template, made here rather than committed.
string(REPEAT "<p>padding padding padding padding padding padding padding padding padding</p>\n" 14000 padding)
file(WRITE tpl/index.html.mustache "${padding}")
