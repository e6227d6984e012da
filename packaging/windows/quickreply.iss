; QuickReply (快捷回复) Windows installer — Inno Setup 6.3 or newer.
;
; Installs for the current user only, into %LOCALAPPDATA%\Programs\QuickReply: no administrator
; rights are needed to install, run, update or uninstall. Built by packaging\windows\build.ps1:
;
;   ISCC /DAppVersion=0.1.0 /DBundleDir=..\..\dist\quickreply /DOutputDir=..\..\dist
;        [/DZhIsl=path\ChineseSimplified.isl] [/DItConfig=path\quickreply.ini] quickreply.iss
;
; ZhIsl: Inno Setup ships no Simplified Chinese wizard texts by default; the community translation
;   (Files/Languages/Unofficial/ChineseSimplified.isl in the jrsoftware/issrc repository) is used
;   when given or when it sits beside this script. Without it the installer is English only.
; ItConfig: the shop's quickreply.ini, installed beside quickreply.exe (settings pre-filled for
;   every user of the PC; see docs/DEPLOY.md).
;
; Saved as UTF-8 with a byte-order mark so the Chinese texts below survive the compiler.

#define AppName "QuickReply"
#define AppExe "quickreply.exe"
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir AddBackslash(SourcePath) + "..\..\dist\quickreply"
#endif
#ifndef OutputDir
  #define OutputDir AddBackslash(SourcePath) + "..\..\dist"
#endif
#ifndef ZhIsl
  #define ZhIsl AddBackslash(SourcePath) + "ChineseSimplified.isl"
#endif
#define IconFile AddBackslash(SourcePath) + "..\..\icons\app.ico"

#if !FileExists(AddBackslash(BundleDir) + AppExe)
  #error "No quickreply.exe in BundleDir: run PyInstaller (build.ps1) first."
#endif
#if !FileExists(AddBackslash(BundleDir) + "quickreply-cli.exe")
  #error "No quickreply-cli.exe in BundleDir: build.spec builds it on Windows."
#endif
#ifdef ItConfig
  #if !FileExists(ItConfig)
    #error "The IT configuration file given with /DItConfig does not exist."
  #endif
#endif
#if FileExists(ZhIsl)
  #define WithChinese
#else
  #pragma warning "ChineseSimplified.isl not found: building an English-only installer."
#endif

[Setup]
; The AppId ties upgrades and the uninstaller together: never change it.
AppId={{6F1C2B8E-4D7A-4B5E-9C3F-2A8D1E0B7C41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=QuickReply
VersionInfoVersion={#AppVersion}
; Per-user install: {userpf} is %LOCALAPPDATA%\Programs, writable without elevation.
PrivilegesRequired=lowest
DefaultDirName={userpf}\{#AppName}
DisableDirPage=auto
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=QuickReply-{#AppVersion}-windows-x64-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
; A running QuickReply holds its files open: ask it to close (Restart Manager) before replacing them.
CloseApplications=yes
RestartApplications=no

[Languages]
; English first: the default when the Windows display language is neither English nor Chinese.
Name: "en"; MessagesFile: "compiler:Default.isl"
#ifdef WithChinese
; Default.isl first so any message missing from the translation falls back to English.
Name: "zh_CN"; MessagesFile: "compiler:Default.isl,{#ZhIsl}"
#endif

[CustomMessages]
en.AppDisplayName=QuickReply
en.AutoStartTask=Start QuickReply when I sign in to Windows
en.StartupGroup=Start-up:
en.RemoveDataQuestion=也删除话术库数据？/ Also delete your phrase library?%n%nYour phrases, settings and backups are in:%n%1%n%nChoose No to keep them (recommended: a later install picks them up again).
en.RemoveDataFailed=Some files in %1 could not be deleted. Close QuickReply and delete the folder by hand.
#ifdef WithChinese
zh_CN.AppDisplayName=快捷回复
zh_CN.AutoStartTask=登录 Windows 时自动启动快捷回复
zh_CN.StartupGroup=开机启动：
zh_CN.RemoveDataQuestion=也删除话术库数据？/ Also delete your phrase library?%n%n您的话术、设置和备份保存在：%n%1%n%n选择“否”可保留这些数据（推荐：重新安装后会继续使用）。
zh_CN.RemoveDataFailed=%1 中有文件无法删除。请关闭快捷回复后手动删除该文件夹。
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "autostart"; Description: "{cm:AutoStartTask}"; GroupDescription: "{cm:StartupGroup}"

[InstallDelete]
; An update replaces the whole runtime folder so no library of an older version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; quickreply.exe (the window), quickreply-cli.exe (command line and --self-test) and _internal\.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
#ifdef ItConfig
Source: "{#ItConfig}"; DestDir: "{app}"; DestName: "quickreply.ini"; Flags: ignoreversion
#endif

[Icons]
Name: "{autoprograms}\{cm:AppDisplayName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{cm:AppDisplayName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
; Sign-in start for this user only (HKCU needs no administrator); removed again on uninstall.
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; \
  ValueName: "{#AppName}"; ValueData: """{app}\{#AppExe}"""; Flags: uninsdeletevalue; Tasks: autostart

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; \
  Flags: nowait postinstall skipifsilent

[UninstallDelete]
; The program folder once empty; a data\ folder someone created there by adding portable.ini
; by hand is left alone. The per-user library is handled in [Code] below.
Type: dirifempty; Name: "{app}"

[Code]
// The library lives where platformdirs puts it: user_data_dir("QuickReply", appauthor=False),
// i.e. %LOCALAPPDATA%\QuickReply. It is kept unless the user answers Yes; a silent uninstall
// (/SILENT, /VERYSILENT, e.g. from a deployment tool) never asks and always keeps it.
function UserDataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\QuickReply');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if (CurUninstallStep <> usPostUninstall) or UninstallSilent() then
    Exit;
  DataDir := UserDataDir();
  if not DirExists(DataDir) then
    Exit;
  if SuppressibleMsgBox(FmtMessage(CustomMessage('RemoveDataQuestion'), [DataDir]),
      mbConfirmation, MB_YESNO or MB_DEFBUTTON2, IDNO) = IDYES then
  begin
    if not DelTree(DataDir, True, True, True) then
      SuppressibleMsgBox(FmtMessage(CustomMessage('RemoveDataFailed'), [DataDir]), mbError, MB_OK, IDOK);
  end;
end;
