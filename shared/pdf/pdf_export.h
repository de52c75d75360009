// Symbol visibility for room_pdf: only what is marked ROOM_PDF_API leaves the shared library.
#pragma once

#define ROOM_PDF_API __attribute__((visibility("default")))
