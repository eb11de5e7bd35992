# Word count over a multi-line string.
module examples.WordCount

let TEXT = """the quick brown fox
jumps over the lazy dog
The dog sleeps and the fox runs"""

function words = |text| {
  let result = list[]
  foreach line in text: split("\n") {
    foreach w in line: split(" ") {
      if not w: isEmpty() {
        result: add(w: toLowerCase())
      }
    }
  }
  return result
}

function main = |args| {
  let all = words(TEXT)
  println("lines: " + TEXT: split("\n"): length())
  println("words: " + all: size())

  let counts = map[]
  foreach w in all {
    counts: put(w, counts: getOrElse(w, 0) + 1)
  }
  println("distinct: " + counts: size())
  println(counts)

  let frequent = counts: filter(|w, n| -> n > 1)
  foreach w, n in frequent: entrySet() {
    println(w + " " + "*" * n)
  }

  let longest = all: reduce("", |best, w| -> match {
    when w: length() > best: length() then w
    otherwise best
  })
  println("longest: " + longest)
}
