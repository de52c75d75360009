#include "shared/pdf/mupdf_support.h"

namespace room::pdf::detail {

Context::Context(std::size_t storeBytes) {
    m_ctx = fz_new_context(nullptr, nullptr, storeBytes);
    if (!m_ctx) return;
    // Hostile or sloppy PDFs produce floods of warnings; a server must not copy them to stderr.
    fz_set_warning_callback(m_ctx, &Context::onWarning, this);
    fz_set_error_callback(m_ctx, &Context::onError, this);
}

Context::~Context() {
    if (m_ctx) fz_drop_context(m_ctx);
}

void Context::onWarning(void* self, const char* message) {
    auto* c = static_cast<Context*>(self);
    ++c->m_warnings;
    if (message) c->m_lastWarning = message;
}

bool runGuarded(fz_context* ctx, GuardedThunk thunk, void* body, std::string* error) {
    fz_try(ctx) {
        thunk(ctx, body);
    }
    fz_catch(ctx) {
        if (error) *error = fz_caught_message(ctx);
        return false;
    }
    return true;
}

void Context::onError(void*, const char*) {
    // Errors reach the caller through fz_caught_message; nothing to print.
}

} // namespace room::pdf::detail
