module corpus.ForeachWithGuard

function main = |args| {
  foreach n in range(0, 20) when n % 5 == 0 {
    println(n)
  }
  foreach word in list["apple", "kiwi", "banana"] when word: length() > 4 {
    println(word)
  }
}
