// Internal helpers for room_pdf: a quiet per-call MuPDF context, owning handles, setjmp-safe try blocks.
#pragma once

#include <mupdf/fitz.h>
#include <mupdf/pdf.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

namespace room::pdf::detail {

/// A private fz_context. MuPDF contexts created without locks must not be shared between threads,
/// so every public call makes its own. Warnings and errors are captured instead of printed.
class Context {
public:
    explicit Context(std::size_t storeBytes);
    ~Context();
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;

    explicit operator bool() const { return m_ctx != nullptr; }
    fz_context* get() const { return m_ctx; }
    int warningCount() const { return m_warnings; }
    const std::string& lastWarning() const { return m_lastWarning; }

private:
    static void onWarning(void* self, const char* message);
    static void onError(void* self, const char* message);

    fz_context* m_ctx = nullptr;
    int m_warnings = 0;
    std::string m_lastWarning;
};

/// Owns one MuPDF object and drops it with `Drop(ctx, p)` when it goes out of scope.
template <class T, auto Drop>
class Owned {
public:
    explicit Owned(fz_context* ctx, T* p = nullptr) : m_ctx(ctx), m_p(p) {}
    ~Owned() { reset(); }
    Owned(Owned&& other) noexcept : m_ctx(other.m_ctx), m_p(other.m_p) { other.m_p = nullptr; }
    Owned& operator=(Owned&& other) noexcept {
        if (this != &other) {
            reset();
            m_ctx = other.m_ctx;
            m_p = other.m_p;
            other.m_p = nullptr;
        }
        return *this;
    }

    T* get() const { return m_p; }
    T* operator->() const { return m_p; }
    T*& slot() { return m_p; } ///< for assignment inside a guarded block
    void reset() {
        if (m_p) Drop(m_ctx, m_p);
        m_p = nullptr;
    }

private:
    fz_context* m_ctx;
    T* m_p;
};

using GuardedThunk = void (*)(fz_context* ctx, void* body);

/// fz_try around `thunk(ctx, body)`; see guarded().
bool runGuarded(fz_context* ctx, GuardedThunk thunk, void* body, std::string* error);

/// Runs `body` inside fz_try. On a MuPDF error returns false and stores its message in `error`.
/// The body may raise MuPDF errors (a longjmp), so it must not create C++ objects with destructors
/// and must not throw C++ exceptions; it should only fill raw pointers owned by Owned<> outside.
/// The setjmp lives in runGuarded, in another translation unit, so everything the body writes
/// is in the caller's memory and cannot be lost to a register restored by longjmp.
template <class Body>
bool guarded(fz_context* ctx, Body&& body, std::string* error = nullptr) {
    return runGuarded(
        ctx, [](fz_context*, void* b) { (*static_cast<std::remove_reference_t<Body>*>(b))(); },
        static_cast<void*>(&body), error);
}

} // namespace room::pdf::detail
