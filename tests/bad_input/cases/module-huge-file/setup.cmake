# A 1.1 MiB module, made here rather than committed.
string(REPEAT "# padding padding padding padding padding padding padding padding padding padding\n" 14000 padding)
file(WRITE lib/rp/alpha.toml "id = \"alpha\"\n${padding}")
