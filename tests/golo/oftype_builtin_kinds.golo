module corpus.OftypeBuiltinKinds

function main = |args| {
  println("s" oftype String.class)
  println("s" oftype java.lang.String.class)
  println(42 oftype Integer.class)
  println(42 oftype Long.class)
  println(3.5 oftype Double.class)
  println('c' oftype Character.class)
  println("c" oftype Character.class)
  println(true oftype Boolean.class)
  println(1 oftype java.lang.Number.class)
  println(1.5 oftype java.lang.Number.class)
  println("1" oftype java.lang.Number.class)
  println(null oftype Object.class)
  println(1 oftype Object.class)
}
