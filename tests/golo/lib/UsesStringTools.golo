module lib.UsesStringTools

import lib.StringTools

function viaLib = |s| -> s: reversedText()
