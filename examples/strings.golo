# String processing: palindromes, a Caesar cipher, title case, formatting, splitting and joining.
module examples.Strings

function isPalindrome = |s| {
  let letters = list[]
  foreach i in range(0, s: length()) {
    let c = s: charAt(i)
    if c != ' ' {
      letters: add(str(c): toLowerCase())
    }
  }
  return letters == letters: reversed()
}

function caesar = |text, shift| {
  var out = ""
  foreach i in range(0, text: length()) {
    let c = text: charAt(i)
    if c >= 'a' and c <= 'z' {
      out = out + charValue((c - 'a' + shift) % 26 + 'a')
    } else {
      out = out + c
    }
  }
  return out
}

function titleCase = |sentence| -> sentence: split(" "): asList()
  : map(|w| -> w: substring(0, 1): toUpperCase() + w: substring(1))
  : join(" ")

function vowels = |word| {
  var n = 0
  foreach i in range(0, word: length()) {
    if "aeiou": contains(str(word: charAt(i))) {
      n = n + 1
    }
  }
  return n
}

function main = |args| {
  foreach s in list["Never odd or even", "golo", "A Santa at NASA"] {
    println(s + " -> " + isPalindrome(s))
  }
  let secret = caesar("hello, world", 3)
  println(secret)
  println(caesar(secret, 23))
  println(titleCase("the golo programming language"))
  println("education has " + vowels("education") + " vowels")
  println("=" * 20)
  println("%-8s|%5.1f|%03d": format("pi", 3.14159, 7))
  let csv = "name,age,city"
  println(csv: split(","): asList(): reversed(): join(" | "))
  println(csv: replace(",", ";"): toUpperCase())
  println(csv: substring(csv: indexOf("age"), csv: lastIndexOf(",")))
  println("  trimmed  ": trim(): length())
}
