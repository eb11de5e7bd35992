module corpus.ExceptionsNoSuchMethod

function main = |args| {
  try {
    "text": fooBar()
  } catch (e) {
    println("no such method")
  }
  try {
    list[1]: get(0, 1, 2)
  } catch (e) {
    println("wrong method arity")
  }
}
