module corpus.OftypeCollections

function main = |args| {
  println(list[] oftype java.util.List.class)
  println(vector[] oftype java.util.List.class)
  println(list[] oftype java.util.LinkedList.class)
  println(list[] oftype java.util.ArrayList.class)
  println(vector[] oftype java.util.ArrayList.class)
  println(set[] oftype java.util.Set.class)
  println(map[] oftype java.util.Map.class)
  println(list[] oftype java.util.Map.class)
  println([1, 2] oftype Tuple.class)
  println([1, 2] oftype gololang.Tuple.class)
  println(list[1] oftype Tuple.class)
  println(set[] oftype java.util.Collection.class)
  println(range(0, 3) oftype java.util.Collection.class)
  println(map[] oftype java.util.Collection.class)
}
