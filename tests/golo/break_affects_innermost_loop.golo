module corpus.BreakAffectsInnermostLoop

function main = |args| {
  foreach i in range(0, 3) {
    foreach j in range(0, 3) {
      if j == 1 {
        break
      }
      print(i + "" + j + " ")
    }
    foreach j in range(0, 3) {
      if j == 0 {
        continue
      }
      print("c" + j + " ")
    }
  }
  println("end")
}
