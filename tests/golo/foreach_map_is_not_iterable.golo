module corpus.ForeachMapIsNotIterable

function main = |args| {
  try {
    foreach item in map[["a", 1]] {
      println(item)
    }
  } catch (e) {
    println("maps are not iterable")
  }
  try {
    foreach c in "abc" {
      println(c)
    }
  } catch (e) {
    println("strings are not iterable")
  }
}
