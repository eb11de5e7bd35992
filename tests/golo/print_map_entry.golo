module corpus.PrintMapEntry

function main = |args| {
  println(mapEntry("a", 1))
  println(map[["k", "v"]]: entrySet())
  println(map[["k", "v"], ["n", 2]]: keySet())
  println(map[["k", "v"], ["n", 2]]: values())
}
