module corpus.ErrorNumberWithLeadingDot

function main = |args| {
  println("never printed")
  let half = .5
}
