module corpus.OftypeClassHeldInAReference

function main = |args| {
  let stringType = String.class
  let listType = java.util.List.class
  println("s" oftype stringType)
  println(1 oftype stringType)
  println(vector[] oftype listType)
}
