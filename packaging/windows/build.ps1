<#
.SYNOPSIS
  Builds the Windows artefacts of QuickReply: the PyInstaller folder, the per-user installer
  (Inno Setup, when ISCC.exe is found) and the portable zip.

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
  powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1 -ItConfig D:\shop\quickreply.ini

.NOTES
  Output in dist\:
    quickreply\                                   the one-folder program (quickreply.exe, quickreply-cli.exe)
    QuickReply-<version>-windows-x64-setup.exe    installer (needs Inno Setup 6.3+)
    QuickReply-<version>-windows-x64-portable.zip unzip anywhere; the library stays in data\ beside it
  -ItConfig puts the shop's quickreply.ini into both the installer and the zip.
  -ZhIsl names Inno Setup's Simplified Chinese translation; by default it is looked for beside
  quickreply.iss and in build\, and fetched once from the Inno Setup source repository.
#>
[CmdletBinding()]
param(
    [string]$Python = "python",
    [string]$ItConfig = "",
    [string]$ZhIsl = "",
    [switch]$SkipBundle,
    [switch]$SkipSelfTest,
    [switch]$SkipInstaller
)

$ErrorActionPreference = "Stop"
$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
$Dist = Join-Path $Root "dist"
$Work = Join-Path $Root "build"
$Bundle = Join-Path $Dist "quickreply"
$ZhIslUrl = "https://raw.githubusercontent.com/jrsoftware/issrc/main/Files/Languages/Unofficial/ChineseSimplified.isl"

function Invoke-Checked([string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe failed with exit code $LASTEXITCODE" }
}

$Version = (Select-String -Path (Join-Path $Root "desktop\__init__.py") -Pattern '__version__ = "([^"]+)"').Matches[0].Groups[1].Value
Write-Host "QuickReply $Version"
if ($ItConfig) { $ItConfig = (Resolve-Path $ItConfig).Path }

# 1. The one-folder program.
if (-not $SkipBundle) {
    Invoke-Checked $Python @("-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", $Dist, "--workpath", $Work, (Join-Path $Root "build.spec"))
}
foreach ($exe in @("quickreply.exe", "quickreply-cli.exe")) {
    if (-not (Test-Path (Join-Path $Bundle $exe))) { throw "$exe missing from $Bundle" }
}

# 2. Prove the frozen program works before packing it (offscreen: no window appears).
if (-not $SkipSelfTest) {
    $env:QT_QPA_PLATFORM = "offscreen"
    Invoke-Checked (Join-Path $Bundle "quickreply-cli.exe") @("--self-test")
    Remove-Item Env:QT_QPA_PLATFORM
}

# 3. The installer.
if (-not $SkipInstaller) {
    $Iscc = (Get-Command "iscc.exe" -ErrorAction SilentlyContinue).Source
    if (-not $Iscc) {
        # choco and the official setup install to Program Files; a per-user install to LOCALAPPDATA.
        $Iscc = @(
            "${env:ProgramFiles(x86)}\Inno Setup *\ISCC.exe",
            "$env:ProgramFiles\Inno Setup *\ISCC.exe",
            "$env:LOCALAPPDATA\Programs\Inno Setup *\ISCC.exe"
        ) | ForEach-Object { Get-ChildItem -Path $_ -ErrorAction SilentlyContinue } |
            Sort-Object FullName -Descending | Select-Object -First 1 -ExpandProperty FullName
    }
    if (-not $Iscc) {
        Write-Warning "Inno Setup (ISCC.exe) not found: no installer built. Install it with 'choco install innosetup' or from jrsoftware.org."
    } else {
        if (-not $ZhIsl) {
            $ZhIsl = @((Join-Path $PSScriptRoot "ChineseSimplified.isl"), (Join-Path $Work "ChineseSimplified.isl")) |
                Where-Object { Test-Path $_ } | Select-Object -First 1
        }
        if (-not $ZhIsl) {
            $ZhIsl = Join-Path $Work "ChineseSimplified.isl"
            New-Item -ItemType Directory -Force -Path $Work | Out-Null
            try {
                Invoke-WebRequest -UseBasicParsing -Uri $ZhIslUrl -OutFile $ZhIsl
            } catch {
                Write-Warning "Could not fetch the Chinese installer texts ($($_.Exception.Message)): the installer will be English only."
                $ZhIsl = ""
            }
        }
        # ISCC resolves relative paths against the script's folder: hand it an absolute one.
        if ($ZhIsl) { $ZhIsl = (Resolve-Path $ZhIsl).Path }
        $IsccArgs = @("/Q", "/DAppVersion=$Version", "/DBundleDir=$Bundle", "/DOutputDir=$Dist")
        if ($ZhIsl) { $IsccArgs += "/DZhIsl=$ZhIsl" }
        if ($ItConfig) { $IsccArgs += "/DItConfig=$ItConfig" }
        $IsccArgs += (Join-Path $PSScriptRoot "quickreply.iss")
        Invoke-Checked $Iscc $IsccArgs
        Write-Host "Installer: $(Join-Path $Dist "QuickReply-$Version-windows-x64-setup.exe")"
    }
}

# 4. The portable zip: the same folder plus portable.ini, so the library lives in data\ beside it.
$Stage = Join-Path $Work "portable"
if (Test-Path $Stage) { Remove-Item -Recurse -Force $Stage }
$StageApp = Join-Path $Stage "QuickReply"
New-Item -ItemType Directory -Force -Path $Stage | Out-Null
Copy-Item -Recurse -Path $Bundle -Destination $StageApp
$PortableIni = @"
; 便携模式 / Portable mode
; 此文件在 quickreply.exe 旁边时，话术库保存在同一文件夹的 data\ 中，而不是用户的 AppData。
; While this file sits beside quickreply.exe, the phrase library is kept in data\ next to it
; instead of the user's AppData folder. Delete this file to use AppData again.
"@
[System.IO.File]::WriteAllText((Join-Path $StageApp "portable.ini"), $PortableIni, (New-Object System.Text.UTF8Encoding $true))
if ($ItConfig) { Copy-Item $ItConfig (Join-Path $StageApp "quickreply.ini") }
$Zip = Join-Path $Dist "QuickReply-$Version-windows-x64-portable.zip"
if (Test-Path $Zip) { Remove-Item -Force $Zip }
Add-Type -AssemblyName System.IO.Compression.FileSystem
[System.IO.Compression.ZipFile]::CreateFromDirectory($StageApp, $Zip,
    [System.IO.Compression.CompressionLevel]::Optimal, $true)
Remove-Item -Recurse -Force $Stage
Write-Host "Portable zip: $Zip"
