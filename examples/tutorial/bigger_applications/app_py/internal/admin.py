# Bigger Applications: app/internal/admin.py, a router shared with other projects, configured
# where it is included.
from fastapi import APIRouter

router = APIRouter()


@router.post("/")
async def update_admin():
    return {"message": "Admin getting schwifty"}
