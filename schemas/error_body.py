"""The body of every error the HTTP API answers: ``{"error": {"code", "detail"}}``."""

from pydantic import BaseModel, Field


class ErrorDetail(BaseModel):
    code: str = Field(description="stable, machine-readable: invalid_input, not_found, ...")
    detail: str = Field(description="what went wrong and what to do, for a person")
    errors: list[str] | None = Field(
        default=None, description="422: every problem, each as `where: what`"
    )


class ErrorBody(BaseModel):
    error: ErrorDetail
