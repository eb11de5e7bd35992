module corpus.MainWithEmptyBody

function main = |args| {}
