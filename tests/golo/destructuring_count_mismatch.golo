module corpus.DestructuringCountMismatch

function main = |args| {
  try {
    let a, b = [1, 2, 3]
    println("no error")
  } catch (e) {
    println("too many values")
  }
  try {
    let a, b, c = [1, 2]
    println("no error")
  } catch (e) {
    println("too few values")
  }
  try {
    let a, b, c... = [1]
    println("no error")
  } catch (e) {
    println("too few values for rest")
  }
}
