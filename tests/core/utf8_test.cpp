#include "core/utf8.h"

#include <catch2/catch.hpp>
#include <string>

using turnaround::core::IsValidUtf8;

TEST_CASE("UTF-8 validation", "[core]") {
  CHECK(IsValidUtf8(""));
  CHECK(IsValidUtf8("plain ascii"));
  CHECK(IsValidUtf8("espera de 3 horas \xc3\xb1"));     // ñ
  CHECK(IsValidUtf8("\xf0\x9f\x98\xa1 angry"));         // 😡
  CHECK_FALSE(IsValidUtf8("\xc3"));                     // truncated
  CHECK_FALSE(IsValidUtf8("\xc0\xaf"));                 // overlong '/'
  CHECK_FALSE(IsValidUtf8("\xed\xa0\x80"));             // surrogate
  CHECK_FALSE(IsValidUtf8("\xf4\x90\x80\x80"));         // > U+10FFFF
  CHECK_FALSE(IsValidUtf8(std::string("ok\xff", 3)));
}
