module corpus.PredefinedCollectionFunctions

function main = |args| {
  println(list(1, 2))
  println(vector(3, 4))
  println(set(1, 1, 2))
  println(tuple(1, 2))
  println(array(5, 6): toString())
  println(list() oftype java.util.LinkedList.class)
}
