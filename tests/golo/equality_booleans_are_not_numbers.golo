module corpus.EqualityBooleansAreNotNumbers

function main = |args| {
  println(1 == true)
  println(0 == false)
  println(list[1]: contains(true))
  println(set[1, true]: size())
  println(map[[1, "one"], [true, "yes"]]: size())
  println(map[[1, "one"], [true, "yes"]]: get(1))
}
